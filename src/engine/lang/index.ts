/**
 * The user-function language as one object the engine installs (engine/microbatch/userCode.ts).
 * This module and the parser it pulls in load with the views that use them, never with the
 * first page.
 */
import { compileGroups, compileOwn } from '../microbatch/userOps';
import { userGroupStateOperator } from '../structured/userGroupState';
import { isLangError, stateFromJson, toLType, toValueType } from './bridge';
import { compileFunction } from './fn';
import { toPython, toScala } from './render';
import { L, parseTypeName } from './types';

export const language = {
  compileFunction,
  compileOwn,
  compileGroups,
  userGroupStateOperator,
  toScala,
  toPython,
  L,
  parseTypeName,
  toLType,
  toValueType,
  isLangError,
  stateFromJson,
};
export type Language = typeof language;
