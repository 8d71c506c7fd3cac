/**
 * Vulnerability, controls, likelihood and the four impact dimensions of a risk: the same fields
 * when recording and when editing, with levels offered up to the register's own scales.
 */
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { riskApi, type Impact, type Level } from './api.ts';

export interface AssessmentValues {
  vulnerability: string;
  controls: string;
  likelihood: number;
  impact: Impact;
}

export interface Scales {
  likelihoodLevels: number;
  impactLevels: number;
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const dimensions: (keyof Impact)[] = ['people', 'economy', 'stateFunctions', 'otherSectors'];

/** The scales of the register a risk belongs to (national without an organisation); 5 × 5 until loaded. */
export function useScales(level: Level, organisationId: string): Scales {
  const scales = useLoad(() => riskApi.register(level === 'organisation' ? organisationId : undefined), [level, organisationId]);
  return { likelihoodLevels: scales.data?.likelihoodLevels ?? 5, impactLevels: scales.data?.impactLevels ?? 5 };
}

interface LevelSelectProps {
  value: number | null;
  max: number;
  onChange: (value: number | null) => void;
  empty?: string;
  /** Set by Field, whose label points at the select by id. */
  id?: string;
  'aria-describedby'?: string;
}

/** Levels 1…max (and the current value, should a scale have shrunk); `empty` offers "not assessed". */
export function LevelSelect({ value, max, onChange, empty, ...labelling }: LevelSelectProps) {
  return (
    <select {...labelling} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {upTo(Math.max(max, value ?? 0)).map((n) => <option key={n} value={n}>{n}</option>)}
    </select>
  );
}

export function AssessmentFields({ value, scales, onChange }: { value: AssessmentValues; scales: Scales; onChange: (next: AssessmentValues) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('risk.vulnerability')}>
        <textarea value={value.vulnerability} onChange={(e) => onChange({ ...value, vulnerability: e.target.value })} />
      </Field>
      <Field label={t('risk.controls')}>
        <textarea value={value.controls} onChange={(e) => onChange({ ...value, controls: e.target.value })} />
      </Field>
      <Field label={t('risk.likelihood')}>
        <LevelSelect value={value.likelihood} max={scales.likelihoodLevels} onChange={(v) => onChange({ ...value, likelihood: v ?? 1 })} />
      </Field>
      {dimensions.map((d) => (
        <Field key={d} label={t(`risk.impacts.${d}`)}>
          <LevelSelect value={value.impact[d]} max={scales.impactLevels} onChange={(v) => onChange({ ...value, impact: { ...value.impact, [d]: v ?? 1 } })} />
        </Field>
      ))}
    </>
  );
}
