/** An interaction group (domain.md §3.4). */
export interface InteractionGroup {
  readonly code: string;
  readonly description: string | null;
}
