import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Municipality centres (the `geo_point_2d` [lat, lon] of each feature in the same reference file as the
 * map borders), read once per process: the file never changes while the server runs. Used for "nearest
 * first", where a straight line between centres is a fair measure of "near".
 */
const referenceFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../db/reference/municipalities.geojson',
);

interface Feature {
  properties: { id: string; geo_point_2d?: [number, number] };
}

let cached: Map<string, { lat: number; lon: number }> | null = null;

export function municipalityCentroids(): Map<string, { lat: number; lon: number }> {
  if (cached) return cached;
  const collection = JSON.parse(fs.readFileSync(referenceFile, 'utf8')) as { features: Feature[] };
  cached = new Map(
    collection.features.flatMap((f) =>
      f.properties.geo_point_2d
        ? [[f.properties.id, { lat: f.properties.geo_point_2d[0], lon: f.properties.geo_point_2d[1] }]]
        : [],
    ),
  );
  return cached;
}

const EARTH_RADIUS_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km between two municipalities' centres, or null when one is unknown. */
export function distanceKm(fromCode: string, toCode: string): number | null {
  const all = municipalityCentroids();
  const a = all.get(fromCode);
  const b = all.get(toCode);
  if (!a || !b) return null;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}
