/** Loads every built-in module (each registers its installer on import). Order matters. */
import './internals';
import './object';
import './error';
import './symbol';
import './iteration';
import './regexp';
import './string';
import './array';
import './promise';
import './console';
import './globals';
