// One line of the bench's table: what was measured, its value and unit, and the target it must meet.
export interface Row {
  measure: string;
  value: number;
  /** null: reported, with no target of its own. */
  target: number | null;
  unit: string;
}
