import { createInterface } from 'node:readline/promises';

/** Asks one question and returns the trimmed answer, or undefined when input has ended. */
export interface Asker {
  ask(question: string): Promise<string | undefined>;
  close(): void;
}

/** Line-based questions on a terminal (or anything that behaves like one in tests). */
export function terminalAsker(input: NodeJS.ReadableStream, output: { write(s: string): unknown }): Asker {
  const rl = createInterface({ input, terminal: false });
  let closed = false;
  // Ctrl-D or a closed pipe ends the questions instead of leaving a promise pending forever.
  const ended = new Promise<undefined>((resolve) =>
    rl.once('close', () => {
      closed = true;
      resolve(undefined);
    }),
  );
  return {
    async ask(question) {
      if (closed) return undefined;
      output.write(question);
      const answer = await Promise.race([rl.question(''), ended]);
      return answer?.trim();
    },
    close() {
      rl.close();
    },
  };
}
