import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MunicipalityShapes } from '../../../shared/contracts/mapping.ts';

type Ring = [number, number][];
interface Feature {
  properties: { id: string; kom_namn: string; lan_code: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const referenceFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../db/reference/municipalities.geojson',
);

/** The map is 1000 units tall; one decimal keeps a region's borders sharp when it fills the screen. */
const HEIGHT = 1000;
/**
 * An equirectangular projection scaled by the cosine of Sweden's middle latitude: over one country this
 * keeps shapes recognisable without a projection library, and the map is for orientation, not distance.
 */
const MID_LATITUDE = 62;
const NORTH = 69.1;
const SOUTH = 55.3;
const WEST = 10.9;

const round = (n: number) => Math.round(n * 10) / 10;

function project([lon, lat]: [number, number]): [number, number] {
  const scale = HEIGHT / (NORTH - SOUTH);
  return [
    round((lon - WEST) * Math.cos((MID_LATITUDE * Math.PI) / 180) * scale),
    round((NORTH - lat) * scale),
  ];
}

function toShape(f: Feature): MunicipalityShapes['items'][number] {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points = ring.map(project);
      for (const [x, y] of points) {
        bbox[0] = Math.min(bbox[0], x);
        bbox[1] = Math.min(bbox[1], y);
        bbox[2] = Math.max(bbox[2], x);
        bbox[3] = Math.max(bbox[3], y);
      }
      parts.push(`M${points.map(([x, y]) => `${x} ${y}`).join('L')}Z`);
    }
  }
  return {
    code: f.properties.id,
    name: f.properties.kom_namn,
    countyCode: f.properties.lan_code,
    path: parts.join(''),
    bbox,
  };
}

let cached: { body: MunicipalityShapes; json: string; etag: string } | null = null;

/**
 * All 290 municipality borders as SVG paths, projected once per process: the file never changes while
 * the server runs, so the response is serialised once and revalidated by its ETag.
 */
export function municipalityShapesJson(): { body: MunicipalityShapes; json: string; etag: string } {
  if (cached) return cached;
  const collection = JSON.parse(fs.readFileSync(referenceFile, 'utf8')) as { features: Feature[] };
  const body: MunicipalityShapes = {
    attribution:
      'Kommungränser: okfse/sweden-geojson, förenklade från Valmyndighetens öppna data / Municipal borders: okfse/sweden-geojson, simplified from the Swedish Election Authority’s open data',
    items: collection.features.map(toShape),
  };
  const json = JSON.stringify(body);
  cached = { body, json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
  return cached;
}
