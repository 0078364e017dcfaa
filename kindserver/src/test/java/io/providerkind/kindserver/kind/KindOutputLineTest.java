package io.providerkind.kindserver.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KindOutputLineTest {

    @Test
    void readsAStartedStepWithoutDotsOrEmoji() {
        assertEquals(
                new KindOutputLine.StepStarted("Ensuring node image (kindest/node:v1.31.0)"),
                KindOutputLine.parse(" • Ensuring node image (kindest/node:v1.31.0) 🖼  ..."));
        assertEquals(
                new KindOutputLine.StepStarted("Starting control-plane"),
                KindOutputLine.parse(" • Starting control-plane 🕹️  ..."),
                "emoji with a variation selector");
    }

    @Test
    void readsEndedSteps() {
        assertEquals(
                new KindOutputLine.StepSucceeded("Preparing nodes"), KindOutputLine.parse(" ✓ Preparing nodes 📦 "));
        assertEquals(
                new KindOutputLine.StepFailed("Writing configuration"),
                KindOutputLine.parse(" ✗ Writing configuration 📜"));
    }

    @Test
    void readsKindsErrorLineVerbatim() {
        assertEquals(
                new KindOutputLine.Error("ERROR: failed to create cluster: node(s) already exist"),
                KindOutputLine.parse("ERROR: failed to create cluster: node(s) already exist"));
    }

    @Test
    void dropsColourAndSpinnerResidue() {
        assertEquals(
                new KindOutputLine.StepSucceeded("Installing CNI"),
                KindOutputLine.parse("\u001B[32m ⠈⠁ Installing CNI\r ✓ Installing CNI 🔌\u001B[0m"));
        assertEquals(new KindOutputLine.Error("ERROR: boom"), KindOutputLine.parse("\u001B[31mERROR\u001B[0m: boom"));
    }

    @Test
    void otherLinesAreOther() {
        assertEquals(
                new KindOutputLine.Other("Creating cluster \"dev\" ..."),
                KindOutputLine.parse("Creating cluster \"dev\" ..."));
        assertEquals(new KindOutputLine.Other(""), KindOutputLine.parse(""));
    }
}
