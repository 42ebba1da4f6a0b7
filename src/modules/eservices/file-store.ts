/**
 * Dossier documents: content sniffing and content-addressed storage are the platform's
 * (platform/files/content-store.ts); the size limit is the e-services' own.
 */
export { ACCEPTED_TYPES, cleanFileName, sha256Hex, sniffMediaType, storeContent, storedFilePath, type AcceptedType } from '../../platform/files/content-store.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
