/** Every data method by name: the dispatcher validates params, opens the transaction and calls these. */
import type { DataMethodRegistry } from './data-method.js';
import { getBoard } from './board.js';
import { addComment, deleteComment, updateComment } from './comments.js';
import { createColumn, deleteColumn, listColumns, moveColumn, updateColumn } from './columns.js';
import { createLabel, deleteLabel, listLabels, updateLabel } from './labels.js';
import { createProject, deleteProject, getProject, listProjects, updateProject } from './projects.js';
import { archiveTask, unarchiveTask } from './task-archive.js';
import { getTask, listTasks } from './task-queries.js';
import { linkTasks, unlinkTasks } from './task-relations.js';
import { exportData } from './data-export.js';
import { importData } from './data-import.js';
import { createTask, deleteTask, moveTask, setTaskLabels, updateTask } from './tasks.js';
import { listHistory, redoChange, undoChange } from '../history/history-methods.js';

export const dataMethods: DataMethodRegistry = {
  'board.get': getBoard,
  'project.list': listProjects,
  'project.get': getProject,
  'project.create': createProject,
  'project.update': updateProject,
  'project.delete': deleteProject,
  'column.list': listColumns,
  'column.create': createColumn,
  'column.update': updateColumn,
  'column.move': moveColumn,
  'column.delete': deleteColumn,
  'task.list': listTasks,
  'task.get': getTask,
  'task.create': createTask,
  'task.update': updateTask,
  'task.move': moveTask,
  'task.archive': archiveTask,
  'task.unarchive': unarchiveTask,
  'task.delete': deleteTask,
  'task.setLabels': setTaskLabels,
  'task.link': linkTasks,
  'task.unlink': unlinkTasks,
  'label.list': listLabels,
  'label.create': createLabel,
  'label.update': updateLabel,
  'label.delete': deleteLabel,
  'comment.add': addComment,
  'comment.update': updateComment,
  'comment.delete': deleteComment,
  'history.list': listHistory,
  'history.undo': undoChange,
  'history.redo': redoChange,
  'data.export': exportData,
  'data.import': importData,
};
