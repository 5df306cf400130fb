/** The formats every table export offers (the API's `format=csv|xlsx`). */
export type ExportFormat = 'csv' | 'xlsx';

/**
 * A table's downloads as buttons: CSV for Excel with Swedish settings and a workbook. Links, not
 * fetches, so that the browser saves the file with the name the API gives it.
 */
export function DownloadLinks({
  href,
  labels,
}: {
  href: (format: ExportFormat) => string;
  labels: Record<ExportFormat, string>;
}) {
  return (
    <div className="action-buttons">
      {(['csv', 'xlsx'] as const).map((format) => (
        <a key={format} className="ds-button" data-variant="secondary" href={href(format)} download>
          {labels[format]}
        </a>
      ))}
    </div>
  );
}
