/** The names of the groups hosting a meeting, the one it was scheduled in first: "A, B". */
export function hostNames(meeting: { hosts: { name: string }[] }): string {
  return meeting.hosts.map((host) => host.name).join(', ');
}
