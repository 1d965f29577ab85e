console.log('log level');
console.info('info level');
console.warn('warn level');
console.error('error level');
console.debug('debug level');
console.log();
console.log('');
'done'
