/**
 * Where the project lives. The one place to change if the repository moves; links to the rule
 * docs fall back to it when the report was not produced by the published action.
 */
export const PROJECT_URL = 'https://github.com/beian-guard/beian-guard';

/** Builds the link to a rule's documentation page (docs/rules/<rule-id>.md). */
export type DocsUrl = (ruleId: string) => string;

export interface DocsLocation {
  /** `https://github.com` or a GitHub Enterprise Server address, without a trailing slash. */
  readonly serverUrl: string;
  /** `owner/name` of the repository that holds docs/rules/. */
  readonly repository: string;
  /** A tag, branch or commit of that repository. */
  readonly ref: string;
}

export function docsUrl(at: DocsLocation): DocsUrl {
  const base = `${at.serverUrl.replace(/(?<!\/)\/+$/, '')}/${at.repository}/blob/${at.ref}/docs/rules/`;
  return (ruleId) => `${base}${encodeURIComponent(ruleId)}.md`;
}

/** The docs of the release that produced the report: the tag `v<version>` of this project. */
export function releaseDocsUrl(version: string): DocsUrl {
  const [server, owner, name] = /^(https:\/\/[^/]+)\/([^/]+)\/([^/]+)$/.exec(PROJECT_URL)!.slice(1);
  return docsUrl({ serverUrl: server!, repository: `${owner}/${name}`, ref: `v${version}` });
}
