/**
 * Turns a place as the decoded request names it (`resourceLogs[0].scopeLogs[0].logRecords[2]`)
 * into the place of the same item in the sender's document: what a record cut, an attribute
 * limit's warning or a refused record names, as decode errors name places. They differ only
 * where the OTLP/JSON decoder skipped a JSON null, shifting the indexes after it (built by
 * the decoder's senderPlaces then).
 */
export type SenderPlace = (place: string) => string;

/** The decoded request's places are the sender's: no JSON null was skipped (or the body was protobuf). */
export const AS_DECODED: SenderPlace = (place) => place;
