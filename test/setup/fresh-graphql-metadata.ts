/**
 * Runs before each test file. @nestjs/graphql keeps its type metadata in process-global stores
 * (`global.GqlTypeMetadataStorage`, `global.GqlLazyMetadataStorageHost`), while Jest loads every
 * test file's modules afresh in the same worker: the classes of an earlier file would stay in
 * those stores, and the schema builds every interface and the types implementing it that it
 * holds (the Node interface) with the earlier file's Boolean and ID, which this file's copy of
 * the library does not know. Each test file starts with empty stores, as a process does.
 */
const shared = globalThis as Record<string, unknown>;
delete shared.GqlTypeMetadataStorage;
delete shared.GqlLazyMetadataStorageHost;
