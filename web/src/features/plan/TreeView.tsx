/** Priority → goal → measure, with indicators and status, filtered. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { localised } from '../../ui/format.ts';
import { useLoad } from '../../ui/hooks.ts';
import { measuresOf, planApi, type PlanFilter, type PlanNode } from './api.ts';
import { MeasureCard } from './MeasureCard.tsx';
import { PlanFilters } from './PlanFilters.tsx';

function Node({ node }: { node: PlanNode }) {
  if (node.kind === 'measure') return <MeasureCard measure={node} />;
  return (
    <li>
      <details open={node.kind === 'goal' || undefined}>
        <summary>
          {node.id} {localised(node.title)}
        </summary>
        <ul>
          {node.children.map((child) => (child.kind === 'measure' ? <li key={child.id}><Node node={child} /></li> : <Node key={child.id} node={child} />))}
        </ul>
      </details>
    </li>
  );
}

export function TreeView() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<PlanFilter>({});
  const { data, error } = useLoad(() => planApi.tree(filter), [filter]);
  return (
    <>
      <ErrorAlert error={error} />
      <PlanFilters agencies={data?.agencies ?? []} onApply={setFilter} />
      {data ? (
        <>
          <p role="status">{t('plan.tree.count', { count: measuresOf(data.items).length, asOf: data.asOf })}</p>
          <ul className="plan-tree" aria-label={t('plan.tree.label')}>
            {data.items.map((node) => (
              <Node key={node.id} node={node} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
