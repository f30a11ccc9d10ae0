// The QR code of a share link, for wide screens only: fetched when first wanted, so that a first
// visit does not carry it. Wraps qrcode-generator (MIT, pinned in tools/): `hukouQr(text)` is the
// code's size and its dark modules as one SVG path (a 4-module margin around it), or null when
// the text does not fit.
self.hukouQr = function (text) {
  try {
    var code = qrcode(0, "L");
    code.addData(text, "Byte");
    code.make();
    var size = code.getModuleCount(), path = "";
    for (var y = 0; y < size; y++) {
      for (var x = 0; x < size; x++) {
        if (code.isDark(y, x)) path += "M" + (x + 4) + "," + (y + 4) + "h1v1h-1z";
      }
    }
    return [size, path];
  } catch (e) {
    return null;
  }
};
