/**
 * A labelled form control: the label wraps the control, so it is named for assistive technology;
 * the hint sits outside the label and describes the control.
 */
import { cloneElement, useId, type ReactElement } from 'react';

interface Props {
  label: string;
  hint?: string;
  children: ReactElement<{ 'aria-describedby'?: string }>;
}

export function Field({ label, hint, children }: Props) {
  const hintId = useId();
  return (
    <div className="field">
      <label className="field-control">
        <span className="field-label">{label}</span>
        {hint ? cloneElement(children, { 'aria-describedby': hintId }) : children}
      </label>
      {hint ? (
        <small id={hintId} className="field-hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
}
