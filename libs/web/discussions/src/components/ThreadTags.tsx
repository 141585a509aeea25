import { Badge, Group } from '@mantine/core';

/** A discussion's tags, as quiet badges; nothing when it has none. */
export function ThreadTags({ tags, mt }: { tags: string[]; mt?: number }) {
  if (!tags.length) return null;
  return (
    <Group gap={4} mt={mt}>
      {tags.map((tag) => (
        <Badge key={tag} variant="light" color="gray" c="gray.9" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
