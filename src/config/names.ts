/** Config file names looked for, in this order, in the working directory when no --config is given. */
export const CONFIG_NAMES = ['beian.config.json', '.beianrc.json', '.beianrc.yaml', '.beianrc.yml', 'beian.config.yaml', 'beian.config.yml'];
