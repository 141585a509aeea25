import type { PostFieldsFragment } from '@convene/web-data-access';

export interface PostNode {
  post: PostFieldsFragment;
  children: PostNode[];
}

/** Posts (in written order) as a tree: each under the post it answers, in written order there too. */
export function buildPostTree(posts: PostFieldsFragment[]): PostNode[] {
  const nodes = new Map(posts.map((post) => [post.id, { post, children: [] as PostNode[] }]));
  const roots: PostNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.post.parentId ? nodes.get(node.post.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
