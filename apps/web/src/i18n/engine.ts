/**
 * The part of i18next that Dari uses, in ~1 KiB instead of ~17 KiB gzip on the first page (issue 18:
 * first-page JavaScript ≤ 100 KiB). vite.config.ts points the bare `i18next` import here (and
 * `react-i18next` at ./react.ts), so every feature keeps writing `useTranslation()` and `t(key, values)`
 * and the types stay i18next's own (`TFunction`).
 *
 * What it does, as i18next 27 does it with Dari's options (index.ts): one namespace (`translation`);
 * keys are dot paths into the catalogue; a missing key falls back to the fallback language (Korean),
 * then to `defaultValue`, then to the key itself; `count` picks `key_<plural category>` (Intl.PluralRules
 * of the language) before `key`, then `key_other`; `{{name}}` is replaced with the value given (an
 * option given as undefined or null gives an empty string, one not given leaves the placeholder as is),
 * with no HTML escaping (React escapes). Not supported, because no catalogue uses them: nesting (`$t(…)`),
 * formatters (`{{x, number}}`), context, ordinal plurals, namespaces, backends.
 */
type Tree = { [key: string]: string | Tree };
type Options = Record<string, unknown> & { count?: number; defaultValue?: string; lng?: string };
type Listener = (lng: string) => void;
type InitOptions = {
  resources?: Record<string, Record<string, Tree>>;
  lng?: string;
  fallbackLng?: string;
};

const NS = 'translation';
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(target: Tree, source: Tree, overwrite: boolean): Tree {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (isTree(value) && isTree(current)) deepMerge(current, value, overwrite);
    else if (!(key in target) || overwrite) target[key] = isTree(value) ? deepMerge({}, value, true) : value;
  }
  return target;
}

export class I18n {
  language = '';
  private fallback = '';
  private readonly store = new Map<string, Tree>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly plurals = new Map<string, Intl.PluralRules>();

  use(plugin: { init?: (i18n: I18n) => void }): this {
    plugin.init?.(this);
    return this;
  }

  init(options: InitOptions): Promise<void> {
    for (const [lng, namespaces] of Object.entries(options.resources ?? {}))
      for (const [ns, tree] of Object.entries(namespaces)) this.addResourceBundle(lng, ns, tree, true, true);
    this.fallback = options.fallbackLng ?? '';
    this.language = options.lng ?? this.fallback;
    return Promise.resolve();
  }

  addResourceBundle(lng: string, ns: string, resources: Tree, deep = false, overwrite = false): this {
    if (ns !== NS) throw new Error(`i18n: only the "${NS}" namespace is supported`);
    const current = this.store.get(lng);
    if (!current) this.store.set(lng, deepMerge({}, resources, true));
    else if (deep) deepMerge(current, resources, overwrite);
    else this.store.set(lng, overwrite ? { ...current, ...resources } : { ...resources, ...current });
    return this;
  }

  hasResourceBundle(lng: string, ns: string): boolean {
    return ns === NS && this.store.has(lng);
  }

  changeLanguage(lng: string): Promise<(key: string, options?: Options) => string> {
    if (lng !== this.language) {
      this.language = lng;
      this.emit('languageChanged', lng);
    }
    return Promise.resolve(this.getFixedT(lng));
  }

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  private emit(event: string, lng: string): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(lng);
  }

  /** A `t` bound to one language (what useTranslation hands out: a new one when the language changes). */
  getFixedT(lng: string): (key: string, options?: Options) => string {
    return (key, options) => this.translate(lng, key, options);
  }

  t = (key: string, options?: Options): string => this.translate(this.language, key, options);

  exists(key: string, options?: Options): boolean {
    return this.find(options?.lng ?? this.language, key, options) !== undefined;
  }

  private translate(lng: string, key: string, options?: Options): string {
    const found = this.find(options?.lng ?? lng, key, options) ?? options?.defaultValue ?? key;
    return options ? interpolate(found, options) : found;
  }

  private find(lng: string, key: string, options?: Options): string | undefined {
    const count = options?.count;
    const languages = lng === this.fallback || !this.fallback ? [lng] : [lng, this.fallback];
    for (const code of languages) {
      const tree = this.store.get(code);
      if (!tree) continue;
      const candidates =
        typeof count === 'number' ? [`${key}_${this.plural(code, count)}`, key, `${key}_other`] : [key];
      for (const candidate of candidates) {
        const value = lookup(tree, candidate);
        if (value !== undefined) return value;
      }
    }
    return undefined;
  }

  private plural(lng: string, count: number): string {
    let rules = this.plurals.get(lng);
    if (!rules) this.plurals.set(lng, (rules = new Intl.PluralRules(lng)));
    return rules.select(count);
  }
}

function lookup(tree: Tree, key: string): string | undefined {
  if (typeof tree[key] === 'string') return tree[key];
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (!isTree(node)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(text: string, values: Options): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) return whole;
    const value = values[name];
    if (value === undefined || value === null) return '';
    // Values are strings and numbers (a date is formatted before); anything else as JSON, never [object Object].
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
    return JSON.stringify(value);
  });
}

/** The one instance, as i18next's default export is. */
const i18n = new I18n();
export default i18n;
