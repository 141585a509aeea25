/** The names of the groups hosting a meeting, the one it was scheduled in first ("A, B"); `network` for a network event. */
export function hostNames(meeting: { hosts: { name: string }[] }, network: string): string {
  return meeting.hosts.length ? meeting.hosts.map((host) => host.name).join(', ') : network;
}
