// Entity names in Traditional Chinese. The graph holds the plan's names in Simplified Chinese; a reader in
// Taiwan gets them converted on the page by opencc-js (OpenCC's dictionaries), character by character with
// Taiwan's standard forms (cn → tw: 友达光电 → 友達光電, 台塑 → 臺塑). Not cn → twp: a name is a proper noun,
// and twp would also swap mainland words for Taiwan's (信息 → 資訊), renaming firms and offices. The
// converter's dictionaries weigh about 1 MB, so they are loaded when Traditional Chinese is first chosen.
type Convert = (text: string) => string;

let convert: Convert | undefined;
let loading: Promise<void> | undefined;

/** Loads the converter (once); the language switch waits for it before showing Traditional Chinese. */
export function loadTraditional(): Promise<void> {
  loading ??= import('opencc-js/cn2t').then(
    (opencc) => {
      convert = opencc.Converter({ from: 'cn', to: 'tw' });
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

const converted = new Map<string, string>();

/** `text` in Traditional characters; as it is until loadTraditional() has resolved. */
export function toTraditional(text: string): string {
  if (!convert) return text;
  let result = converted.get(text);
  if (result === undefined) {
    result = convert(text);
    converted.set(text, result);
  }
  return result;
}
