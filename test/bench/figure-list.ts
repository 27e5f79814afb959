/**
 * Every figure `npm run bench` measures, in table order. To add a row, write a module in
 * figures/ that returns rows (each figure beside its floor, measured interleaved) and list it.
 */
import type { Figure } from './figure.js';
import { boardGet } from './figures/board-get.js';
import { boardTerminal } from './figures/board-terminal.js';
import { changeLog } from './figures/change-log.js';
import { daemonMemory } from './figures/daemon-memory.js';
import { dbChanged } from './figures/db-changed.js';
import { mcpTools } from './figures/mcp-tools.js';
import { processStart } from './figures/process-start.js';
import { remoteBridge } from './figures/remote-bridge.js';
import { roundTrip } from './figures/round-trip.js';
import { taskCreate } from './figures/task-create.js';

export const figures: Figure[] = [
  roundTrip,
  taskCreate,
  changeLog,
  boardGet,
  dbChanged,
  processStart,
  daemonMemory,
  remoteBridge,
  mcpTools,
  boardTerminal,
];
