import type { ReactNode } from 'react';
import { Button, Menu, Text } from '@mantine/core';
import { BellIcon } from '../icons/BellIcon';

export interface LevelOption<L extends string> {
  value: L;
  name: string;
  description: string;
}

export interface LevelMenuProps<L extends string> {
  level: L;
  options: LevelOption<L>[];
  /** Heading inside the menu. */
  title: string;
  /** The button's accessible name (it shows the current level's name). */
  label: string;
  loading?: boolean;
  onChoose: (level: L) => void;
  /** Extra items below the levels, e.g. a link to the settings page. */
  footer?: ReactNode;
}

/** A bell button showing how much one hears of something, opening the levels to choose from. */
export function LevelMenu<L extends string>({
  level,
  options,
  title,
  label,
  loading,
  onChoose,
  footer,
}: LevelMenuProps<L>) {
  const current = options.find((o) => o.value === level);
  return (
    <Menu position="bottom-end" width={300} withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<BellIcon size={16} />} loading={loading} aria-label={label}>
          {current?.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{title}</Menu.Label>
        {options.map((option) => (
          <Menu.Item
            key={option.value}
            onClick={() => onChoose(option.value)}
            aria-current={option.value === level ? 'true' : undefined}
            fw={option.value === level ? 700 : undefined}
          >
            <Text size="sm" fw="inherit">
              {option.value === level ? '✓ ' : ''}
              {option.name}
            </Text>
            <Text size="xs" c="gray.7">
              {option.description}
            </Text>
          </Menu.Item>
        ))}
        {footer}
      </Menu.Dropdown>
    </Menu>
  );
}
