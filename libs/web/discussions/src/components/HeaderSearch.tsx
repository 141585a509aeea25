import { ActionIcon, Box, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { SEARCH_PATH, searchPath } from '../utils/search-path.util';
import { SearchIcon } from './icons/SearchIcon';

/** The header's way into search: a box on wide screens, a button to the search page on narrow ones. */
export function HeaderSearch() {
  const { t } = useTranslation('discussions');
  const location = useLocation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  // The search page has its own, larger box.
  if (location.pathname === SEARCH_PATH) return null;

  return (
    <>
      <Box
        component="form"
        role="search"
        aria-label={t('search.headerLabel')}
        visibleFrom="md"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery('');
          void navigate(searchPath({ query }));
        }}
      >
        <TextInput
          type="search"
          size="sm"
          aria-label={t('search.headerLabel')}
          placeholder={t('search.headerPlaceholder')}
          leftSection={<SearchIcon />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={200}
        />
      </Box>
      <ActionIcon
        component={Link}
        to={SEARCH_PATH}
        hiddenFrom="md"
        variant="default"
        size="lg"
        aria-label={t('search.headerLabel')}
        title={t('search.headerLabel')}
      >
        <SearchIcon size={18} />
      </ActionIcon>
    </>
  );
}
