/**
 * Role detection: which box of a Skype for Business ⇄ CMS presentation share each IP address belongs to.
 *
 * <p>{@link org.turnladder.analysis.roles.RoleDetector} is fed decoded messages and TCP connection summaries like
 * any {@link org.turnladder.analysis.FindingSource}; {@code roles(overrides)} returns one
 * {@link org.turnladder.analysis.roles.RoleAssignment} per box, in ladder order. Inside: per-address clues
 * ({@code SipClues}, {@code TurnClues}, {@code FlowClues}, {@code PortClues}) with weights and capped frame lists,
 * links between addresses of one box ({@code Observations}), and {@code BoxResolver}, which merges, scores,
 * settles undecided guesses (Front End or Edge, Expressway-E or -C) by whom a box talks to, applies overrides and
 * writes the evidence.
 */
package org.turnladder.analysis.roles;
