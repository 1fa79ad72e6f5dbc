/**
 * User functions in a DStream pipeline: the bridge between the pipeline's values and the
 * user-function language (engine/lang). The language (its parser above all) is installed when
 * it has loaded, so the first page does not carry it: only types are imported from it here. A
 * pipeline with code that is defined before then reports that the language is loading, and is
 * defined again once it is installed.
 */
import type { Language } from '../lang/index';

let installed: Language | null = null;

/** Installs the language (the app does so once its chunk has loaded; tests and the CLI at once). */
export function installUserLanguage(language: Language): void {
  installed = language;
}

export function userLanguage(): Language | null {
  return installed;
}

/** Whether `e` is the language's own error (a type error, or one raised while a function ran). */
export const isLangError = (e: unknown): e is Error => installed?.isLangError(e) ?? false;
