import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws millstone-client.svg as PNGs of the sizes the desktop menus ask for (no SVG renderer is
 * needed to build the packages): java DrawIcon.java 48 128 256
 */
public class DrawIcon {
  public static void main(String[] args) throws Exception {
    for (String a : args) {
      int size = Integer.parseInt(a);
      BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = img.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.scale(size / 256.0, size / 256.0);
      g.setColor(new Color(0x8d8a83));
      g.fill(new Ellipse2D.Double(8, 8, 240, 240));
      g.setColor(new Color(0x4a4743));
      g.setStroke(new BasicStroke(8));
      g.draw(new Ellipse2D.Double(8, 8, 240, 240));
      g.setColor(new Color(0x5d5a55));
      g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      int[][] furrows = {
        {128, 40, 128, 92}, {128, 164, 128, 216}, {40, 128, 92, 128}, {164, 128, 216, 128},
        {66, 66, 102, 102}, {154, 154, 190, 190}, {190, 66, 154, 102}, {102, 154, 66, 190}
      };
      for (int[] f : furrows) {
        g.draw(new Line2D.Double(f[0], f[1], f[2], f[3]));
      }
      g.setColor(new Color(0x2f6b3a));
      g.fill(new Ellipse2D.Double(104, 104, 48, 48));
      g.setColor(new Color(0x4a4743));
      g.setStroke(new BasicStroke(6));
      g.draw(new Ellipse2D.Double(104, 104, 48, 48));
      g.dispose();
      ImageIO.write(img, "png", new File("millstone-client-" + size + ".png"));
    }
  }
}
