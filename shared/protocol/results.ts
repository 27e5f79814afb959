/** The result type of every method, for typed calls on the client side. */
import type {
  BackupResult,
  Board,
  Change,
  Column,
  Comment,
  DaemonStatus,
  Hello,
  ImportResult,
  Label,
  MethodDescription,
  Ok,
  PasoExport,
  Project,
  TaskDetail,
  TaskSummary,
} from './entities.js';

export interface MethodResults {
  'rpc.discover': { methods: MethodDescription[] };
  'daemon.status': DaemonStatus;
  'daemon.shutdown': Ok;
  hello: Hello;
  subscribe: { seq: number };
  unsubscribe: Ok;
  'board.get': Board;
  'project.list': Project[];
  'project.get': Project;
  'project.create': Project;
  'project.update': Project;
  'project.delete': Ok;
  'column.list': Column[];
  'column.create': Column;
  'column.update': Column;
  'column.move': Column[];
  'column.delete': Ok;
  'task.list': TaskSummary[];
  'task.get': TaskDetail;
  'task.create': TaskDetail;
  'task.update': TaskDetail;
  'task.move': TaskDetail;
  'task.archive': TaskDetail;
  'task.unarchive': TaskDetail;
  'task.delete': Ok;
  'task.setLabels': TaskDetail;
  'task.link': TaskDetail;
  'task.unlink': TaskDetail;
  'label.list': Label[];
  'label.create': Label;
  'label.update': Label;
  'label.delete': Ok;
  'comment.add': Comment;
  'comment.update': Comment;
  'comment.delete': Ok;
  'history.list': Change[];
  'history.undo': Change;
  'history.redo': Change;
  'data.export': PasoExport;
  'data.import': ImportResult;
  'daemon.backup': BackupResult;
  atomic: unknown[];
}
