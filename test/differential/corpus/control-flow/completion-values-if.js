let x = 5;
if (x > 3) {
  'big';
} else {
  'small';
}
