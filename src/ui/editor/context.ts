import { createContext, useContext } from 'react';
import { type Draft, getAt, type Path, pathText } from './draft';

/** What the form's sections share: the draft, a way to change it, and JSON typed into text areas. */
export interface EditorApi {
  readonly draft: Draft;
  /** Sets one field (undefined removes it); `seed` fills a missing enclosing object. */
  set(path: Path, value: unknown, seed?: object): void;
  /** Text typed into a JSON text area, kept even while it is not valid JSON (by field path). */
  readonly rawJson: Readonly<Record<string, string>>;
  setRawJson(path: string, text: string | null): void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('An editor field was rendered outside <EditorContext.Provider>');
  return api;
}

/** One field of the draft: its value, its setter and the path text parseScenario would name it by. */
export function useField(path: Path, seed?: object) {
  const { draft, set } = useEditor();
  return {
    value: getAt(draft, path),
    set: (value: unknown) => set(path, value, seed),
    name: pathText(path),
  };
}
