/**
 * Where backups and reports are kept: a tiny keyed store of JSON-safe records. IndexedDB (web),
 * files (Node) and memory (tests, the virtual demo) implement it; the typed stores on top validate what
 * they read back, so a hand-edited file or an old format never reaches the procedure unchecked.
 */
export interface RecordStore {
  put(id: string, value: unknown): Promise<void>;
  get(id: string): Promise<unknown>;
  /** every record, in no particular order */
  values(): Promise<unknown[]>;
  delete(id: string): Promise<void>;
}

/** Keeps deep copies (through JSON) so callers cannot mutate what is stored, like a real store. */
export function createMemoryRecordStore(): RecordStore {
  const records = new Map<string, string>();
  return {
    async put(id, value) {
      records.set(id, JSON.stringify(value));
    },
    async get(id) {
      const text = records.get(id);
      return text === undefined ? undefined : JSON.parse(text);
    },
    async values() {
      return [...records.values()].map((text) => JSON.parse(text));
    },
    async delete(id) {
      records.delete(id);
    }
  };
}

/** The records that pass `validate`; the others (hand-edited, old format, truncated) are left out. */
export async function validRecords<T>(records: RecordStore, validate: (value: unknown) => T): Promise<T[]> {
  return (await records.values()).flatMap((value) => {
    try {
      return [validate(value)];
    } catch {
      return [];
    }
  });
}
