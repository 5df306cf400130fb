import { useTranslation } from 'react-i18next';

interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * "Show more" under a cursor-paginated list (react-query's infinite query). It says when it is loading
 * and ignores clicks meanwhile, so an impatient second click never asks for the same page twice.
 */
export function LoadMoreButton({ pages }: { pages: NextPages }) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <button
      type="button"
      className="ds-button load-more"
      data-variant="secondary"
      aria-busy={pages.isFetchingNextPage || undefined}
      onClick={() => {
        if (!pages.isFetchingNextPage) void pages.fetchNextPage();
      }}
    >
      {pages.isFetchingNextPage ? t('app.loadingMore') : t('app.loadMore')}
    </button>
  );
}
