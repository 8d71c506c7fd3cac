/**
 * Choosing sectors from the vocabulary: one (a labelled select) or several (a group of
 * checkboxes). A stored value outside the vocabulary stays offered under its own text, so
 * opening an old record neither hides nor silently drops it.
 */
import { useTranslation } from 'react-i18next';
import { Field } from './Field.tsx';
import { useSectorName, useSectors } from './sectors.ts';

interface Single {
  label: string;
  value: string | null;
  onChange: (slug: string | null) => void;
  required?: boolean;
  multiple?: false;
}

interface Multiple {
  label: string;
  value: string[];
  onChange: (slugs: string[]) => void;
  multiple: true;
}

/** The vocabulary's slugs, followed by any stored values it does not know. */
function useOptions(stored: readonly string[]): string[] {
  const slugs = useSectors().map((s) => s.slug);
  return [...slugs, ...stored.filter((v) => v && !slugs.includes(v))];
}

export function SectorSelect(props: Single | Multiple) {
  return props.multiple ? <SectorChoices {...props} /> : <SectorDropdown {...props} />;
}

function SectorDropdown({ label, value, onChange, required }: Single) {
  const { t } = useTranslation();
  const name = useSectorName();
  const options = useOptions(value ? [value] : []);
  return (
    <Field label={label}>
      <select required={required} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('sectors.none')}</option>
        {options.map((slug) => <option key={slug} value={slug}>{name(slug)}</option>)}
      </select>
    </Field>
  );
}

function SectorChoices({ label, value, onChange }: Multiple) {
  const name = useSectorName();
  const options = useOptions(value);
  const toggle = (slug: string, on: boolean) => onChange(on ? [...value, slug] : value.filter((v) => v !== slug));
  return (
    <fieldset className="choices">
      <legend>{label}</legend>
      <div className="choices-list">
        {options.map((slug) => (
          <label key={slug}><input type="checkbox" checked={value.includes(slug)} onChange={(e) => toggle(slug, e.target.checked)} /> {name(slug)}</label>
        ))}
      </div>
    </fieldset>
  );
}
