/** A page's sections as links (one route each), named for screen readers. */
import { NavLink } from 'react-router-dom';
import './risk.css';

export interface Section {
  to: string;
  label: string;
  /** Active only on this exact path (the page's index section). */
  end?: boolean;
}

export function SectionTabs({ label, sections }: { label: string; sections: Section[] }) {
  return (
    <nav aria-label={label}>
      <ul className="cii-tabs">
        {sections.map((s) => (
          <li key={s.to}><NavLink to={s.to} end={s.end}>{s.label}</NavLink></li>
        ))}
      </ul>
    </nav>
  );
}
