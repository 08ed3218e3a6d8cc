import { useState } from 'react';
import { api, type Schema } from './api';
import { ErrorAlert, Field } from './components';
import { useT } from './i18n';
import { useAsync } from './useAsync';

/** Entries of GET /api/catalogue/states and /api/catalogue/municipalities (the picker reads codes and names). */
export type StateItem = Schema<'StateDto'>;
export type MunicipalityItem = Schema<'MunicipalityDto'>;

// The catalogue never changes while the server runs: fetched once per page load.
let statesCache: Promise<StateItem[]> | null = null;
const municipalitiesCache = new Map<string, Promise<MunicipalityItem[]>>();

export function loadStates(): Promise<StateItem[]> {
  statesCache ??= api<Schema<'StatesDto'>>('/api/catalogue/states').then(
    (r) => r.items,
    (err: unknown) => {
      statesCache = null;
      throw err;
    },
  );
  return statesCache;
}

export function loadMunicipalities(cveEnt: string): Promise<MunicipalityItem[]> {
  let p = municipalitiesCache.get(cveEnt);
  if (!p) {
    p = api<Schema<'MunicipalitiesDto'>>('/api/catalogue/municipalities', { query: { cveEnt } }).then(
      (r) => r.items,
      (err: unknown) => {
        municipalitiesCache.delete(cveEnt);
        throw err;
      },
    );
    municipalitiesCache.set(cveEnt, p);
  }
  return p;
}

export interface MunicipalityPickerProps {
  /** Id of the municipality select (to focus it when the server rejects the value). */
  id?: string;
  /** 5-digit INEGI code, or '' for none. */
  value: string;
  onChange(cvegeo: string): void;
  error?: string | null;
  hint?: string;
}

/** State then municipality, as two labelled selects (a 2,469-item list would not be usable). */
export function MunicipalityPicker({ id, value, onChange, error, hint }: MunicipalityPickerProps) {
  const { t } = useT();
  const [cveEnt, setCveEnt] = useState(value ? value.slice(0, 2) : '');
  const states = useAsync(() => loadStates(), []);
  const municipalities = useAsync(() => (cveEnt ? loadMunicipalities(cveEnt) : Promise.resolve([])), [cveEnt]);

  // A new value from the parent (a loaded profile, a reset) selects its state. Only when the value
  // changes, so a state picked by hand is never switched back while the parent still holds the old
  // municipality; adjusted during render (React's pattern for state derived from a changed prop).
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (value && value.slice(0, 2) !== cveEnt) setCveEnt(value.slice(0, 2));
  }

  return (
    <fieldset className="fieldset">
      <legend>{t('geo.residence')}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <ErrorAlert error={states.error || municipalities.error} />
      <div className="grid-2">
        <Field label={t('geo.state')}>
          {(a) => (
            <select
              {...a}
              value={cveEnt}
              onChange={(e) => {
                setCveEnt(e.target.value);
                onChange('');
              }}
            >
              <option value="">{t('geo.none')}</option>
              {(states.data ?? []).map((s) => (
                <option key={s.cveEnt} value={s.cveEnt}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id} label={t('geo.municipality')} error={error}>
          {(a) => (
            <select
              {...a}
              value={value}
              onChange={(e) => onChange(e.target.value)}
              disabled={!cveEnt || municipalities.loading}
            >
              <option value="">{cveEnt ? t('geo.chooseMunicipality') : t('geo.chooseStateFirst')}</option>
              {(municipalities.data ?? []).map((m) => (
                <option key={m.cvegeo} value={m.cvegeo}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}
