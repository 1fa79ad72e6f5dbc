/**
 * The user-function language as one object the engine installs (engine/microbatch/userCode.ts).
 * This module and the parser it pulls in load with the views that use them, never with the
 * first page.
 */
import { compileFunction } from './fn';
import { toPython, toScala } from './render';

export const language = { compileFunction, toScala, toPython };
export type Language = typeof language;
