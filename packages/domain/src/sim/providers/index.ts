export * as Freebit from './freebit';
