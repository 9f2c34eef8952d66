// A place as a view names it, and finding one by the id or code in a URL. Pure, so
// components may use it; listPlacesByRef.ts loads these from the database.
export interface PlaceRef { id: number; name: string; code: string | null }

/** The place among `places` that `ref` (an id or a code) names. */
export const findPlaceByRef = (places: PlaceRef[], ref: string | undefined) =>
  ref ? places.find((p) => String(p.id) === ref || (p.code !== null && p.code === ref)) : undefined;
