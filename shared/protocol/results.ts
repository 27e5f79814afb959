/** The result type of every method, for typed calls on the client side. */
import type {
  Board,
  Column,
  Comment,
  DaemonStatus,
  Label,
  MethodDescription,
  Ok,
  Project,
  TaskDetail,
  TaskSummary,
} from './entities.js';

export interface MethodResults {
  'rpc.discover': { methods: MethodDescription[] };
  'daemon.status': DaemonStatus;
  'daemon.shutdown': Ok;
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
  atomic: unknown[];
}
