/** One scrape of a Prometheus text endpoint, to read samples from. */
export class MetricsScrape {
  private constructor(readonly text: string) {}

  static async of(url: string): Promise<MetricsScrape> {
    const res = await fetch(url);
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    return new MetricsScrape(await res.text());
  }

  /** The value of the one sample `name` with (at least) these labels; throws when there is none or more. */
  value(name: string, labels: Record<string, string> = {}): number {
    const values = this.values(name, labels);
    if (values.length !== 1) throw new Error(`${values.length} samples of ${name} with ${JSON.stringify(labels)}`);
    return values[0] as number;
  }

  /** The values of every sample `name` with (at least) these labels. */
  values(name: string, labels: Record<string, string> = {}): number[] {
    const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
    return this.text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .filter((line) => {
        const labelText = line.includes('{') ? line.slice(line.indexOf('{') + 1, line.lastIndexOf('}')) : '';
        return wanted.every((label) => labelText.split(/,(?=[a-z_]+=")/).includes(label));
      })
      .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
}
