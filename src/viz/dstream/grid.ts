/** The timeline grid's sizes in CSS pixels: the label column, the batch header, rows, columns and RDD boxes. */

export const LABEL_W_WIDE = 210;
export const LABEL_W_NARROW = 124;
export const HEAD_H = 46;
export const ROW_H = 54;
export const COL_MIN_WIDE = 108;
export const COL_MIN_NARROW = 84;
export const BOX_H = 24;
