/**
 * Every figure `npm run bench` measures, in table order. To add a row, write a module in
 * figures/ that returns rows (each figure beside its floor, measured interleaved) and list it.
 */
import type { Figure } from './figure.js';
import { boardGet } from './figures/board-get.js';
import { boardTerminal } from './figures/board-terminal.js';
import { daemonMemory } from './figures/daemon-memory.js';
import { dbChanged } from './figures/db-changed.js';
import { processStart } from './figures/process-start.js';
import { roundTrip } from './figures/round-trip.js';
import { taskCreate } from './figures/task-create.js';

export const figures: Figure[] = [roundTrip, taskCreate, boardGet, dbChanged, processStart, daemonMemory, boardTerminal];
