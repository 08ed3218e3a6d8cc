export * from './municipalities';
export * from './universe/names';
export * from './universe/universe-csv';
export * from './universe/universe-csv-stream';
export * from './demographics';
