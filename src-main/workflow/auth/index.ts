// Runs in: main process and CLI (Node). Sign-in: password hashing, lockout, sessions, principals.
export { hashPassword, verifyPassword, DUMMY_HASH, SCRYPT_PARAMS } from './passwords'
export { LOCKOUT, isLocked, afterFailure, type LoginRecord } from './lockout'
export { Sessions, SESSION_IDLE_MS } from './sessions'
export { can, demand, demandSchool, actsFor, actorOf, userIdOf, type Principal } from './principal'
