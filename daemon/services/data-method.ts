/** The signature every data method implements; the registry lives in data-methods.ts. */
import type { MethodName, ParamsOf, ResultOf } from '../../shared/protocol/index.js';
import type { JsonText } from '../json-text.js';
import type { ServiceContext } from './context.js';

/** Methods served by the transport itself rather than by a service in one transaction. */
export const TRANSPORT_METHODS = [
  'rpc.discover',
  'daemon.status',
  'daemon.shutdown',
  'daemon.backup',
  'hello',
  'subscribe',
  'unsubscribe',
  'atomic',
] as const satisfies readonly MethodName[];

export type TransportMethodName = (typeof TRANSPORT_METHODS)[number];

export type DataMethodName = Exclude<MethodName, TransportMethodName>;

/** A method answers its result, or the same already serialized by SQLite (board.get). */
export type DataMethod<M extends DataMethodName> = (params: ParamsOf<M>, ctx: ServiceContext) => ResultOf<M> | JsonText<ResultOf<M>>;

export type DataMethodRegistry = { [M in DataMethodName]: DataMethod<M> };
