/** Reusable JavaFX controls: ladder, packet details, hex view, findings. */
package org.turnladder.views;
