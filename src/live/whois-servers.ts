/**
 * WHOIS servers for top-level labels the RDAP bootstrap lacks. Only TLDs a Chinese filing is
 * likely to use are listed; anything else can be named in live.network.whoisServers. Queries go
 * to port 43 and are the bare A-label domain followed by CRLF.
 */
export const WHOIS_SERVERS: Readonly<Record<string, string>> = {
  cn: 'whois.cnnic.cn',
  // .中国 and .中國: CNNIC's IDN registry.
  'xn--fiqs8s': 'cwhois.cnnic.cn',
  'xn--fiqz9s': 'cwhois.cnnic.cn',
  hk: 'whois.hkirc.hk',
  'xn--j6w193g': 'whois.hkirc.hk',
  mo: 'whois.monic.mo',
  jp: 'whois.jprs.jp',
  io: 'whois.nic.io',
  co: 'whois.nic.co',
  me: 'whois.nic.me',
  la: 'whois.nic.la',
};
