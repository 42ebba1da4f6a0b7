// Progressive enhancement for the portal shell; every page works without it.
