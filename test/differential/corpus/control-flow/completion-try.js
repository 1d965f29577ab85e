let state = 'init';
try {
  state = 'in try';
  'try value';
} finally {
  state = 'finally ran';
}
