/**
 * 系统错误的中文说明: the Chinese text of a Node file-system error, for the messages of the Node adapters (the CLI,
 * reading files from disk) that name the path. Node's own texts are English and name the system call; users get
 * these instead, with the error code only where no text says more.
 */
const TEXTS: Readonly<Record<string, string>> = {
  ENOENT: "找不到文件或目录",
  EACCES: "没有访问权限",
  EPERM: "没有访问权限",
  ENOTDIR: "路径中有一部分不是目录",
  EISDIR: "这是一个目录，不是文件",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "超出磁盘配额",
  EROFS: "文件系统只读",
  EFBIG: "文件超过系统允许的大小",
  ELOOP: "符号链接形成循环或层数过多",
  ENAMETOOLONG: "文件名或路径过长",
  EMFILE: "同时打开的文件过多",
  ENFILE: "同时打开的文件过多",
  EBUSY: "文件正被其他程序占用",
  ETXTBSY: "文件正被其他程序占用",
  EIO: "磁盘读写出错",
  EEXIST: "文件已存在",
  ENOTEMPTY: "目录不为空",
  EXDEV: "不能在不同磁盘之间移动文件",
  EINVAL: "文件名或路径无效",
  ENXIO: "设备不存在或未连接",
  ENODEV: "设备不存在或未连接",
  EAGAIN: "系统资源暂时不可用，请稍后重试",
  ESTALE: "网络共享上的文件已失效，请重新连接",
  ETIMEDOUT: "访问超时（网络共享无响应）",
  ECONNRESET: "网络连接中断",
  ENOMEM: "内存不足",
};

/**
 * The Chinese text of a file-system error (`ENOENT` → 找不到文件或目录 …); an error without a known code gives
 * `系统错误（代码）`, never Node's English message.
 */
export function fsErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (code && TEXTS[code]) ?? `系统错误（${code ?? "未知"}）`;
}

/**
 * Why a file's bytes could not be read, naming it: `无法读取文件：贷款.xlsx（找不到文件或目录）` (the CLI's inputs and
 * the file reader say it alike).
 * @param shown the file as the message names it (a path as given, or a base name)
 */
export function fileUnreadableText(shown: string, e: unknown): string {
  return `无法读取文件：${shown}（${fsErrorText(e)}）`;
}
